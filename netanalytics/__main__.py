"""``python -m netanalytics`` runs the CLI."""

import sys

from netanalytics.cli import main

if __name__ == "__main__":
    sys.exit(main())
