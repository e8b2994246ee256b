"""A TCP proxy that adds a fixed delay each way: the office network between an organiser's
laptop and the shared PostgreSQL server, without root or a kernel module (tc/netem).

Data keeps its order and is not throttled: each chunk read from one side is written to the
other side `delay` seconds later, so a round trip costs 2 × delay plus the server's time, the
way a 20 ms RTT link behaves. It also counts the requests (client → server chunks written
after a pause), which is how many round trips an action cost.

    proxy = LatencyProxy("127.0.0.1", 54329, rtt_ms=20).start()
    url = ...port=proxy.port...
    proxy.stop()
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass, field


@dataclass
class LatencyProxy:
    target_host: str
    target_port: int
    rtt_ms: float = 20.0
    listen_host: str = "127.0.0.1"
    port: int = 0  # chosen when started
    requests: int = 0  # client → server chunks, ≈ round trips
    frozen: bool = False  # a server that stops answering: nothing is forwarded while set
    _loop: asyncio.AbstractEventLoop | None = field(default=None, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)
    _server: asyncio.AbstractServer | None = field(default=None, repr=False)

    @property
    def delay(self) -> float:
        return self.rtt_ms / 2000.0

    def start(self) -> LatencyProxy:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            self._server = loop.run_until_complete(
                asyncio.start_server(self._accept, self.listen_host, 0)
            )
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()
            loop.run_forever()
            loop.close()

        self._thread = threading.Thread(target=run, name="latency-proxy", daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        loop = self._loop
        if loop is None:
            return

        async def shutdown() -> None:
            if self._server is not None:
                self._server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(shutdown(), loop).result(5)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(5)
        self._loop = None

    def reset_count(self) -> None:
        self.requests = 0

    async def _accept(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            server_r, server_w = await asyncio.open_connection(self.target_host, self.target_port)
        except OSError:
            client_w.close()
            return
        pipes = asyncio.gather(
            self._pipe(client_r, server_w, count=True),
            self._pipe(server_r, client_w, count=False),
            return_exceptions=True,
        )
        try:
            await pipes
        except asyncio.CancelledError:
            pipes.cancel()
            await asyncio.gather(pipes, return_exceptions=True)

    async def _pipe(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, count: bool
    ) -> None:
        """Forward in order, each chunk `delay` after it arrived (a queue keeps the link full)."""
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                while self.frozen:
                    await asyncio.sleep(0.01)
                if not data:
                    writer.close()
                    return
                writer.write(data)
                await writer.drain()

        sender = asyncio.ensure_future(deliver())
        last = 0.0
        try:
            while True:
                data = await reader.read(65536)
                now = time.monotonic()
                if count and data and now - last > 0.0005:
                    self.requests += 1  # a new request after the link went quiet
                last = now
                await queue.put((now + self.delay, data))
                if not data:
                    break
            await sender
        except (ConnectionError, asyncio.CancelledError):
            sender.cancel()
            writer.close()
