package io.riskgrid.api.grid;

/** How the API takes part in the grid. */
public enum GridMode {
    /** The API runs a grid server node that holds data and serves thin clients: one process is a whole grid. */
    EMBEDDED,
    /** The API joins an existing cluster as a client node: it holds no data and needs a server node to work. */
    CLIENT
}
