// GraphvizRenderer: see DESIGN.md
