// RTMProtocol: see DESIGN.md
