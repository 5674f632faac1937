import sys

from extract.workspace.cli import main

sys.exit(main())
