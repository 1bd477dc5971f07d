// RTMTrace: see DESIGN.md
