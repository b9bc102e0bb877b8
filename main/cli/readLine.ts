// Asks one question on the terminal (the MFA prompt of sign, send and run) and resolves with the trimmed answer,
// or '' when input ends first. readline is loaded only when a question is asked: `rolecall sign` imports this from
// its small bundle, and most signs never prompt.

/** `output` is where the question goes (stderr, so stdout keeps only the command's result). */
export async function readLine(question: string, output: NodeJS.WritableStream = process.stderr, terminal = Boolean(process.stdin.isTTY)): Promise<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output, terminal });
  return new Promise((resolve) => {
    let answered = false;
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      resolve(answer.trim());
    });
    rl.on('close', () => {
      if (!answered) resolve('');
    });
  });
}
