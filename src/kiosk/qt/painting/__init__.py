"""Pixels made ahead of the frame that shows them: glyph images for large text, pictures at the screen's scale."""
