"""Executes a notebook with nbclient (what `jupyter nbconvert --execute` uses) on the perfnb kernel."""
import sys

import nbformat
from nbclient import NotebookClient

nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, kernel_name="perfnb", timeout=300, startup_timeout=120).execute()
nbformat.write(nb, sys.argv[2])
