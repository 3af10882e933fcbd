// The baseline: a bare node:http server that reads the request body and answers a fixed JSON
// body (a real preview response, so the same size), in its own process like `next start`.
//   node scripts/bench/baseline-server.ts PORT BODY_FILE   (run through tsx)
import fs from 'node:fs';
import http from 'node:http';

const [port, bodyFile] = process.argv.slice(2);
if (!port || !bodyFile) {
  console.error('usage: baseline-server PORT BODY_FILE');
  process.exit(2);
}
const body = fs.readFileSync(bodyFile);

const server = http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1', () => console.log(`baseline listening on 127.0.0.1:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
