"""A loopback TCP proxy that counts the bytes of one direction, and the connections.

    python3 count_proxy.py LISTEN_PORT UPSTREAM_PORT COUNT_FILE [up|down]

up (the default) counts what clients send upstream (what a push uploads); down counts what the
upstream sends back (what a pull downloads). Listens on 127.0.0.1 only, forwards to
127.0.0.1:UPSTREAM_PORT, and rewrites COUNT_FILE every half second with one line: the running
total of bytes, then the connections clients opened. Stops on SIGTERM.
"""
import asyncio
import signal
import sys

sent = 0
connections = 0


async def pipe(reader, writer, count):
    global sent
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            if count:
                sent += len(data)
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def handle(client_reader, client_writer, upstream_port, down):
    global connections
    connections += 1
    try:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", upstream_port)
    except OSError:
        client_writer.close()
        return
    await asyncio.gather(
        pipe(client_reader, up_writer, not down), pipe(up_reader, client_writer, down)
    )


async def report(path):
    while True:
        with open(path, "w") as out:
            out.write(f"{sent} {connections}\n")
        await asyncio.sleep(0.5)


async def main():
    listen, upstream, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    down = len(sys.argv) > 4 and sys.argv[4] == "down"
    server = await asyncio.start_server(
        lambda r, w: handle(r, w, upstream, down), "127.0.0.1", listen
    )
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    reporter = asyncio.create_task(report(path))
    async with server:
        await stop.wait()
    reporter.cancel()
    with open(path, "w") as out:
        out.write(f"{sent} {connections}\n")


asyncio.run(main())
