// ModelChecker: see DESIGN.md
