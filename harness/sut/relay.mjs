// Runs as PID 1 inside the SUT container (root, NET_ADMIN, no network but loopback), with the
// SUT image's own Node. It gives each upstream's public-looking address a home on lo and carries
// every connection's bytes, unchanged, over a unix socket to the edge in the harness process.
// DNS questions go the same way, framed as DNS over TCP. Plain JavaScript: it is copied into
// the container as is, with no dependencies.
import { execFileSync } from "node:child_process";
import { createSocket } from "node:dgram";
import { connect, createServer } from "node:net";

const config = JSON.parse(process.argv[2]);

for (const { address } of config.listeners) {
  execFileSync("ip", ["addr", "add", `${address}/32`, "dev", "lo"]);
}

const pipeTo = (socketPath) => (client) => {
  const upstream = connect(socketPath);
  client.pipe(upstream).pipe(client);
  const close = () => { client.destroy(); upstream.destroy(); };
  client.on("error", close);
  upstream.on("error", close);
};

const listening = config.listeners.map(
  ({ address, port, socket }) =>
    new Promise((resolve) => createServer(pipeTo(`${config.socketDir}/${socket}`)).listen(port, address, resolve)),
);

const dns = createSocket("udp4");
dns.on("message", (message, peer) => {
  const upstream = connect(`${config.socketDir}/${config.dns.socket}`);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(message.length);
  upstream.end(Buffer.concat([length, message]));
  let reply = Buffer.alloc(0);
  upstream.on("data", (chunk) => {
    reply = Buffer.concat([reply, chunk]);
    if (reply.length >= 2 && reply.length >= 2 + reply.readUInt16BE(0)) {
      dns.send(reply.subarray(2, 2 + reply.readUInt16BE(0)), peer.port, peer.address);
      upstream.destroy();
    }
  });
  upstream.on("error", () => upstream.destroy());
});
listening.push(new Promise((resolve) => dns.bind(53, config.dns.address, resolve)));

await Promise.all(listening);
console.log("relay ready");
process.on("SIGTERM", () => process.exit(0));
