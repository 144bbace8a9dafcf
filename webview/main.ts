// Placeholder entry; the panel UI lands in the webview commit.
export {};
