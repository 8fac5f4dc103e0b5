"""The exceptions framecmp raises on purpose; ``str(err)`` is shown to the user as is."""


class FramecmpError(Exception):
    """Anything framecmp rejects on purpose; the message is one line naming the culprit."""


class InputError(FramecmpError):
    """An input that cannot be read: missing, a directory, empty, binary, undecodable, huge."""


class LexiconError(FramecmpError):
    """A lexicon file with a TOML syntax error or a schema violation."""


class OutputError(FramecmpError):
    """A report that cannot be written."""


class MissingDependencyError(FramecmpError):
    """An optional backend whose package is not installed."""
