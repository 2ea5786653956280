"""The Chinese word segmenters resdiff can use, and a helper process that loads one beside the
command.

Loading a segmenter's dictionary takes longer than parsing two drafts (rjieba a tenth of a
second, jieba most of one), and nothing of it needs the documents: the command starts a helper
process (``Helper``) that loads it while the command itself reads and parses the files, on
another processor, and then sends it the Han runs to segment. The helper runs this file as a
script in the same interpreter, with the same loader (``SEGMENTERS``), and says which module file
it loaded: the words are the very ones the command would have made itself. Where anything of it
fails (no helper can be started, it dies, it loaded another file, an answer does not join back
into its run), the command segments in its own process, as without a helper.

This module imports nothing of resdiff (the helper runs it alone, without the package).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable


def _load_rjieba() -> Callable[[str], Iterable[str]]:
    import rjieba  # jieba-rs: jieba's dictionary and algorithm, loaded in a tenth of the time

    cut = rjieba.cut
    return lambda run: cut(run, hmm=True)


def _load_jieba() -> Callable[[str], Iterable[str]]:
    import logging

    import jieba

    # jieba logs a traceback when it cannot write its own cache (an unwritable temporary
    # folder): that only makes the next start slower, so nothing of it is shown.
    jieba.setLogLevel(logging.CRITICAL + 1)
    logging.getLogger("jieba").setLevel(logging.CRITICAL + 1)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return lambda run: list(tokenizer.cut(run, HMM=True))


# The segmenters resdiff can use, best first: rjieba (jieba-rs) where it is installed, jieba
# (the reference, pure Python) everywhere. Both give the same words (tests/test_segmenters.py).
SEGMENTERS = {"rjieba": _load_rjieba, "jieba": _load_jieba}


def _origin(name: str) -> str:
    """The file a segmenter's module is loaded from."""
    module = sys.modules[name]
    spec = getattr(module, "__spec__", None)
    return str(getattr(spec, "origin", None) or getattr(module, "__file__", ""))


def serve(name: str) -> None:
    """The helper's work: load the segmenter, say which file it loaded (one line), then answer
    each batch of runs (one a line, ended by an empty line) with their words (space-separated,
    one line a run), until standard input ends."""
    cut = SEGMENTERS[name]()
    read, write = sys.stdin.buffer, sys.stdout.buffer
    write.write(_origin(name).encode("utf-8", "surrogateescape") + b"\n")
    write.flush()
    while True:
        runs = []
        for line in read:
            line = line.rstrip(b"\n")
            if not line:
                break
            runs.append(line.decode("utf-8"))
        else:
            return  # standard input ended: the command needs nothing more
        write.write("".join(" ".join(cut(run)) + "\n" for run in runs).encode("utf-8"))
        write.flush()


def _widen(pipe: int) -> int:
    """Let a pipe hold a megabyte (Linux; where the system allows it): a batch of runs and its
    answer then pass in a write or two, not in many turns of the two processes. The bytes it
    holds."""
    try:
        import fcntl

        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, 1 << 20)
        return int(fcntl.fcntl(pipe, fcntl.F_GETPIPE_SZ))
    except (ImportError, AttributeError, OSError):
        return 4096  # what any pipe holds


class _Unusable(Exception):
    """An answer of the segmenting helper that cannot be used (the caller segments itself)."""


class Helper:
    """A helper process loading segmenter ``name``: ``send`` gives it a batch of runs to
    segment, ``receive`` reads the words of every batch sent, ``cut_many`` does both."""

    def __init__(self, name: str, origin: str) -> None:
        self.name, self.origin = name, origin
        self.pid: int | None = None
        self._send = self._receive = None
        self._ready = False
        self.pending: list[list[str]] = []  # the batches sent whose words are not read yet
        to_child, self._to = os.pipe()
        self._from, from_child = os.pipe()
        # What may be sent ahead without waiting (the helper may not read before it is loaded).
        self._capacity = self._room = _widen(self._to)
        _widen(self._from)
        try:
            # -I: this file alone, not the package's folder, at the head of the helper's path;
            # its standard error goes nowhere (the command reports nothing of a helper's).
            self.pid = os.posix_spawn(sys.executable, [sys.executable, "-I", os.path.abspath(__file__), name],
                                      os.environ, file_actions=[
                                          (os.POSIX_SPAWN_DUP2, to_child, 0),
                                          (os.POSIX_SPAWN_DUP2, from_child, 1),
                                          (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
        except (OSError, AttributeError, ValueError):
            self.pid = None
        finally:
            os.close(to_child)
            os.close(from_child)
        if self.pid is None:
            os.close(self._to)
            os.close(self._from)
            return
        self._send = os.fdopen(self._to, "wb")
        self._receive = os.fdopen(self._from, "rb")

    def send(self, runs: list[str], wait: bool = True) -> bool:
        """Send a batch of runs (of Han characters only) to segment; without ``wait``, only if
        the pipe holds it beside the batches sent before, so that this process never waits
        for the helper. Whether it was sent (where the helper is gone, it is stopped)."""
        if self._send is None:
            return False
        data = "".join(run + "\n" for run in runs).encode("utf-8") + b"\n"
        if not wait and len(data) > self._room:
            return False
        try:
            self._send.write(data)
            self._send.flush()
        except OSError:
            self.stop()
            return False
        self._room -= len(data)
        self.pending.append(runs)
        return True

    def receive(self) -> dict[str, list[str]] | None:
        """The words of the runs of every batch sent, waiting for them as needed, or None where
        the helper cannot give them (then it is stopped, and the caller segments them itself)."""
        if self._receive is None:
            return None
        words: dict[str, list[str]] = {}
        try:
            if not self._ready:
                if self._receive.readline().rstrip(b"\n").decode("utf-8", "surrogateescape") != self.origin:
                    raise _Unusable  # the helper loaded another segmenter
                self._ready = True
            readline = self._receive.readline
            for runs in self.pending:
                lines = [readline() for _ in runs]
                if lines and not lines[-1].endswith(b"\n"):
                    raise _Unusable  # the helper ended
                for run, line in zip(runs, b"".join(lines).decode("utf-8").split("\n")):
                    tokens = line.split(" ")
                    if "".join(tokens) != run or not all(tokens):
                        raise _Unusable  # an answer that is not its run
                    words[run] = tokens
        except (OSError, ValueError, _Unusable):
            self.stop()
            return None
        self.pending = []
        self._room = self._capacity  # every batch read whole by the helper
        return words

    def cut_many(self, runs: list[str]) -> dict[str, list[str]] | None:
        """The words of these runs (of Han characters only) and of those of the batches sent
        before, or None where the helper cannot give them (then it is stopped, and the caller
        segments them itself)."""
        # The answers to the batches sent before are read first: the helper, blocked writing
        # them, would not read a new batch.
        earlier = self.receive() if self.pending else {}
        if earlier is None or not self.send(runs):
            return None
        words = self.receive()
        return None if words is None else {**earlier, **words}

    def stop(self) -> None:
        """End the helper (it holds nothing to keep), without waiting for it to go: reaped here
        if it has gone already, else by the system when this process ends."""
        for stream in (self._send, self._receive):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        self._send = self._receive = None
        self.pending = []
        if self.pid is not None:
            import signal

            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, os.WNOHANG)
            except (OSError, ChildProcessError):
                pass
            self.pid = None


if __name__ == "__main__":
    try:
        serve(sys.argv[1])
    except (KeyboardInterrupt, BrokenPipeError):
        pass
