"""One module per case set; each adds its cases to the harness when its `cases()` runs."""
