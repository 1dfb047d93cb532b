#!/usr/bin/env node
// Placeholder while the command is written; replaced by the real entry point.
process.stdout.write('corroborate: under construction\n')
