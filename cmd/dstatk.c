/* placeholder main until the command lands */
int main(void);
int
main(void)
{
	return 0;
}
