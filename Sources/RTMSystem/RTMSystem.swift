// RTMSystem: see DESIGN.md
