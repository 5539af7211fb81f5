"""Reading the editors' files safely: inside the repository, never through a link, strict YAML."""
