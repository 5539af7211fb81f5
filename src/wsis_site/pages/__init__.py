"""Pages: the generated Markdown, the frame around every page, and what rewrites built HTML."""
