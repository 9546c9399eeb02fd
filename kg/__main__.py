"""`python -m kg` runs the same command line as the `kg` console script."""

from kg.cli import main

main()
