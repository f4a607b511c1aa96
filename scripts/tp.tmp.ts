import { timePreview } from "./bench/loops.ts";
const [dir, file, url] = process.argv.slice(2);
console.log(await timePreview(dir!, { file: file!, url: url! }, 8199, 5));
