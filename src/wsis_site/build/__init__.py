"""The build: the MkDocs adapter, staging, background processes, hosting files, publishing."""
