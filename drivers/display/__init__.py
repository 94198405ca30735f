"""Customer displays: serial pole displays (2x20) and simulators; the second-screen window is in the UI."""
