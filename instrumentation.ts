/** Next.js calls this once when the console's server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startUp } = await import('@/lib/startup');
    await startUp();
  }
}
