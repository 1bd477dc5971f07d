// RTMKit: see DESIGN.md
