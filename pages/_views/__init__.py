"""Rendering for the pages: HTML, colours and Markdown. The only place the app builds HTML."""
