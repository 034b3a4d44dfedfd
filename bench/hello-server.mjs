// The baseline for bench/platform-http.ts: a bare Fastify hello-world in its own process, like the platform.
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
