"""A loopback TCP proxy that counts the bytes clients send upstream (what a push uploads).

    python3 count_proxy.py LISTEN_PORT UPSTREAM_PORT COUNT_FILE

Listens on 127.0.0.1 only, forwards to 127.0.0.1:UPSTREAM_PORT, and rewrites COUNT_FILE with the
running total every half second. Stops on SIGTERM.
"""
import asyncio
import signal
import sys

sent = 0


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


async def handle(client_reader, client_writer, upstream_port):
    try:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", upstream_port)
    except OSError:
        client_writer.close()
        return
    await asyncio.gather(
        pipe(client_reader, up_writer, True), pipe(up_reader, client_writer, False)
    )


async def report(path):
    while True:
        with open(path, "w") as out:
            out.write(f"{sent}\n")
        await asyncio.sleep(0.5)


async def main():
    listen, upstream, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    server = await asyncio.start_server(
        lambda r, w: handle(r, w, upstream), "127.0.0.1", listen
    )
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    reporter = asyncio.create_task(report(path))
    async with server:
        await stop.wait()
    reporter.cancel()
    with open(path, "w") as out:
        out.write(f"{sent}\n")


asyncio.run(main())
