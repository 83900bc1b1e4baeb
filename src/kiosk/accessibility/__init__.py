"""The visitor's accessibility choices and what follows from them (pure Python, no Qt): the choices and their reset
at idle, the high-contrast theme, the reach line on a tall screen, and what the exhibit says when it reads aloud."""
