"""A one-line progress bar for long management commands (search_index, generate_catalogue)."""

import time

from django.core.management.base import OutputWrapper


class ProgressBar:
    """Call it with (done, total); it redraws `label: [####----] done/total (elapsed)` on one line."""

    def __init__(self, stream, label, width=30):
        self.stream = stream  # a command's OutputWrapper (or any object with write/flush)
        self.label = label
        self.width = width
        self.started = time.monotonic()

    def __call__(self, done, total):
        filled = int(self.width * done / total) if total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        elapsed = time.monotonic() - self.started
        line = f"\r{self.label}: [{bar}] {done}/{total} ({elapsed:.1f} s)"
        if done >= total:
            line += "\n"
        if isinstance(self.stream, OutputWrapper):
            self.stream.write(line, ending="")
        else:
            self.stream.write(line)
        self.stream.flush()
