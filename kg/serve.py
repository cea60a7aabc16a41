"""A read-only SPARQL 1.1 Protocol endpoint over a build, run by the ``oxigraph`` server.

``oxigraph serve-read-only`` (from the ``oxigraph`` package) serves the
build's store at ``http://HOST:PORT/query`` (GET or POST, SPARQL 1.1
Protocol), with its query page at ``http://HOST:PORT/``. Updates are
refused (read-only), the default graph is the union of all graphs, and each
query is limited to ``timeout`` seconds. Unlike ``kg query``, the server does
not pre-bind prefixes: write ``PREFIX kz: <https://w3id.org/kizuna/ontology#>``.
"""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ConfigError

__all__ = ["Server", "oxigraph_executable", "server_command", "free_port", "start", "serve"]

log = logging.getLogger(__name__)


def oxigraph_executable() -> str:
    """Path of the ``oxigraph`` program: beside this Python first, then on ``PATH``.

    Raises
    ------
    ConfigError
        When it is not installed.
    """
    local = Path(sys.executable).parent / "oxigraph"
    if local.is_file():
        return str(local)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ConfigError(
        "[E502] the `oxigraph` server program was not found beside Python or on PATH; "
        "expected the `oxigraph` package. Run `pip install oxigraph`"
    )


def server_command(store: Path, host: str, port: int, timeout: float | None) -> list[str]:
    """The command line that serves ``store`` read-only.

    Examples
    --------
    >>> server_command(Path("b/store"), "127.0.0.1", 7878, 30)[1:]
    ['serve-read-only', '--location', 'b/store', '--bind', '127.0.0.1:7878', '--union-default-graph', '--timeout-s', '30']
    """
    cmd = [oxigraph_executable(), "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}",
           "--union-default-graph"]
    if timeout:
        cmd += ["--timeout-s", str(max(1, round(timeout)))]
    return cmd


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago (for tests and ``--port 0``)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running endpoint: ``url`` is its query page, ``endpoint`` the SPARQL URL."""

    process: subprocess.Popen
    url: str
    endpoint: str
    update_endpoint: str

    def stop(self, wait: float = 5.0) -> None:
        """Terminate the server (kill it if it does not stop within ``wait`` seconds)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(wait)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(wait)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def start(out_dir: Path, host: str = "127.0.0.1", port: int = 7878, *, timeout: float | None = 30.0,
          wait: float = 15.0) -> Server:
    """Start the endpoint in the background and wait until it answers.

    Parameters
    ----------
    out_dir : Path
        A build folder (its store is built first if missing or stale).
    host, port : str, int
        Where to listen; ``port=0`` picks a free port.
    timeout : float, optional
        Longest time one query may run, in seconds.
    wait : float
        Longest time to wait for the server to come up.

    Returns
    -------
    Server

    Raises
    ------
    ConfigError
        ``E502`` when the program is missing, or ``E503`` when the server
        exits or does not answer within ``wait`` seconds (port taken …).
    """
    from kg.store import is_fresh, persist, store_path, trig_path

    trig = trig_path(out_dir)
    if not is_fresh(out_dir):
        persist(trig, out_dir)
    port = port or free_port(host)
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((host, port))
    except OSError as e:
        raise ConfigError(
            f"[E503] cannot listen on {host}:{port} ({e.strerror or e}); expected a free port. Pick another --port"
        ) from e
    cmd = server_command(store_path(out_dir), host, port, timeout)
    log.info("starting %s", " ".join(cmd))
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://{_url_host(host)}:{port}"
    server = Server(proc, base + "/", base + "/query", base + "/update")
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode("utf-8", "replace").strip() if proc.stderr else ""
            raise ConfigError(
                f"[E503] the SPARQL server stopped at once ({' '.join(err.split())[:200] or 'no message'}); "
                f"expected it to listen on {host}:{port}. Pick another --port"
            )
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.1)
    server.stop()
    raise ConfigError(f"[E503] the SPARQL server did not answer on {host}:{port} within {wait:g} s; try another --port")


def serve(out_dir: Path, host: str = "127.0.0.1", port: int = 7878, *, timeout: float | None = 30.0,
          on_ready=None) -> int:
    """Serve a build until interrupted (Ctrl-C); returns the server's exit code.

    ``on_ready(server)`` is called once it answers (the CLI prints the URL there).
    """
    import signal
    import threading

    server = start(out_dir, host, port, timeout=timeout)
    previous = None
    if threading.current_thread() is threading.main_thread():
        # SIGTERM (kill, a service manager) must stop the server too, not orphan it
        def _term(signum, frame):
            raise KeyboardInterrupt

        previous = signal.signal(signal.SIGTERM, _term)
    try:
        if on_ready is not None:
            on_ready(server)
        return server.process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
