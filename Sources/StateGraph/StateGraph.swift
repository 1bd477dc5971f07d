// StateGraph: see DESIGN.md
