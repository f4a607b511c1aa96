import path from "node:path";
import { generateSite } from "./bench/generate.ts";
import { generatorRoot } from "../src/options.ts";
generateSite(process.argv[2]!, Number(process.argv[3]), path.join(generatorRoot, "content"));
