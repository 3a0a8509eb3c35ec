"""One root error; subclasses say whether to skip an item or abort the run."""


class CasegraphError(Exception):
    """Root of every error casegraph raises on purpose."""


class InputError(CasegraphError):
    """Bad input from the user: a missing file, an unreadable list, a bad URL."""


class SkipItem(CasegraphError):
    """This one item cannot be processed; the batch goes on."""


class StoreError(CasegraphError):
    """The database cannot be opened or written."""
