// A local stand-in for Neon's WebSocket endpoint: each WebSocket carries one PostgreSQL wire-protocol
// connection, forwarded to the TCP address the driver names (?address=host:port). Lets the Neon
// serverless driver run against an ordinary PostgreSQL server in tests. Loopback only.
import net from "node:net";
import { WebSocketServer, type RawData } from "ws";

export interface NeonProxy {
  /** Value for NEON_WS_PROXY / neonConfig.wsProxy, e.g. "127.0.0.1:41234/v2". */
  address: string;
  close(): Promise<void>;
}

export async function startNeonProxy(): Promise<NeonProxy> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  server.on("connection", (socket, request) => {
    const target = new URL(request.url ?? "/", "ws://proxy").searchParams.get("address") ?? "";
    const [host, port] = target.split(":");
    if (host !== "127.0.0.1" && host !== "localhost") {
      socket.close(1008, "loopback targets only");
      return;
    }
    const tcp = net.connect(Number(port), host);
    const pending: Buffer[] = [];
    tcp.on("connect", () => {
      for (const chunk of pending.splice(0)) tcp.write(chunk);
    });
    socket.on("message", (data: RawData) => {
      const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
      if (tcp.connecting) pending.push(chunk);
      else tcp.write(chunk);
    });
    tcp.on("data", (chunk) => socket.send(chunk));
    tcp.on("close", () => socket.close());
    tcp.on("error", () => socket.terminate());
    socket.on("close", () => tcp.destroy());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${port}/v2`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
