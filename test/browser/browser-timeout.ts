// A browser test drives Chromium through whole screens on a shared 2-core machine: give each test room.
// (Jest reads `testTimeout` only at the top level of its configuration, not per project.)
jest.setTimeout(120_000);
