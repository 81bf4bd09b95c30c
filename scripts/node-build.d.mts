export declare const ROOT: string;
export declare const NODE_OUT: string;
export declare function staleReason(): string | null;
export declare function buildNode(): Promise<void>;
export declare function ensureNodeBuild(): Promise<void>;
