"""The ``kg`` command line: a thin shell over the library.

Each command lives in its own module under :mod:`kg.commands` (one topic a
module) and is imported only when the command line starts. Library errors
(:class:`kg.errors.KGError`) become a one-line ``Error: …`` and exit code 1;
usage errors exit with 2.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

import click

from kg import __version__

__all__ = ["cli", "main", "COMMAND_MODULES"]

#: command name -> module defining a click command called ``command``.
COMMAND_MODULES = {
    "build": "kg.commands.build",
    "validate": "kg.commands.validate",
    "query": "kg.commands.query",
    "serve": "kg.commands.serve",
    "export": "kg.commands.export",
    "analyze": "kg.commands.analyze",
    "viz": "kg.commands.viz",
}


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use."""

    def list_commands(self, ctx):
        return sorted(name for name, mod in COMMAND_MODULES.items() if importlib.util.find_spec(mod))

    def get_command(self, ctx, name):
        mod = COMMAND_MODULES.get(name)
        if mod is None or importlib.util.find_spec(mod) is None:
            return None
        return importlib.import_module(mod).command


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="kg")
def cli():
    """Kizuna: build and explore a knowledge graph of geopolitical news.

    Example: kg build sources/ -o build
    """


def main(argv=None):
    """Entry point of the ``kg`` console script and ``python -m kg``."""
    from kg.errors import KGError

    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.UsageError as e:
        e.show()
        sys.exit(2)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except KGError as e:
        click.echo(f"Error: {e}", err=True)
        sys.exit(1)
    sys.exit(0)
