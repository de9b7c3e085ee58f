"""Command palette providers (ctrl+p): go to an article, toggle a label, help."""
