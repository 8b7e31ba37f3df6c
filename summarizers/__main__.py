import sys

from summarizers.cli import main

sys.exit(main())
