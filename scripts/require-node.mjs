// Plain JavaScript on purpose: it must run, and explain itself, on the old Node.js it refuses.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `This project needs Node.js 24 LTS (at least 22.12, for its job queue); this is Node.js ${process.version}.`,
  );
  process.exit(1);
}
