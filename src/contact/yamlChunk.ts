// Built as its own chunk (dist/yaml.js): the YAML library loads only when a user asks for YAML.
export { stringify as yamlStringify } from 'yaml';
