"""One module per ``kg`` command; each defines a click command named ``command``."""
