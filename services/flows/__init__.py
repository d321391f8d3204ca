"""Multi-step counter flows as Qt-free state machines (after Electrum's wizard): the flow
holds the step and the data; a screen renders the current step and runs the calls the flow
hands it in the background."""
