#!/usr/bin/env node
// Placeholder until the launcher lands.
const CONFIG = __CROSSDOCK_CONFIG__;
