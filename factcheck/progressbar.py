"""Rich progress bars for a run on a terminal, fed by api.run's progress(stage, done, total)."""
from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Items a second, from rich's running estimate."""

    def render(self, task: Task) -> Text:
        """The rate as '1,234/s', or nothing before there is an estimate."""
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f}/s" if speed else "", style="progress.data.speed")


class ProgressBars:
    """A bar per stage of a run (count, rate, time left); a stage without a count pulses.

    Rich redraws at its own refresh rate, so an update only records the count; the bars are
    cleared when the run ends.
    """

    def __init__(self, console: Console):
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), RateColumn(), TimeRemainingColumn(),
                                 console=console, transient=True, refresh_per_second=8)
        self._tasks: dict[str, TaskID] = {}
        self._current: str | None = None

    def __enter__(self) -> ProgressBars:
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        """Show how far ``stage`` is; a new stage ends the one before."""
        if stage not in self._tasks:
            if self._current is not None:
                self._end(self._tasks[self._current])
            self._tasks[stage] = self.progress.add_task(stage, total=total)
            self._current = stage
        self.progress.update(self._tasks[stage], completed=done, total=total)

    def _end(self, task_id: TaskID) -> None:
        task = self.progress.tasks[task_id]
        if task.total is None:
            self.progress.update(task_id, total=1, completed=1)
