// RTMMachines: see DESIGN.md
