"""Progress of a run, as calls to ``progress(stage, done, total)``.

A stage with a count (articles read, articles extracted, blocks aligned) is reported when it
starts (``done`` 0), then at most about ``STEPS`` times as it advances, and when it is done
(``done == total``). A stage without a count (writing the reports) is one call with ``total``
None. Calls are made in the process that runs the pipeline, never in a worker.
"""
from __future__ import annotations

from collections.abc import Callable

ProgressFn = Callable[[str, int, int | None], None]

STEPS = 100

READ = "reading articles"
NAMES = "finding names"
EXTRACT = "extracting claims"
ALIGN = "aligning blocks"
WRITE = "writing reports"
REUSE = "writing the reports of an identical earlier run"


def _silent(stage: str, done: int, total: int | None) -> None:
    return None


class Stage:
    """One counted stage: ``advance(n)`` as items are done; passes the count on sparingly."""

    def __init__(self, progress: ProgressFn | None, name: str, total: int):
        self.progress = progress or _silent
        self.name = name
        self.total = total
        self.done = 0
        self._step = max(1, total // STEPS)
        self._next = self._step
        self.progress(name, 0, total)

    def advance(self, n: int = 1) -> None:
        """Count n more items done; reports when a step is crossed or the stage is complete."""
        if n <= 0:
            return
        self.done += n
        if self.done >= self._next or self.done >= self.total:
            self.progress(self.name, min(self.done, self.total), self.total)
            self._next = self.done + self._step


def announce(progress: ProgressFn | None, name: str) -> None:
    """Report a stage that has no count."""
    (progress or _silent)(name, 0, None)
